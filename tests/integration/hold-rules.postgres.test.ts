import { holdRules } from "./hold-rules.scenarios";

holdRules("postgres");
