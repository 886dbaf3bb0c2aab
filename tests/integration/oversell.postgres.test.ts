import { oversellRace } from "./oversell.race";

oversellRace("PostgreSQL");
