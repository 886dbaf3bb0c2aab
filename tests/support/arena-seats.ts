import { expandLayout } from "@/lib/events/layout/expand";
import { layoutInput } from "@/lib/events/layout/format";
import { arenaLayout } from "@/prisma/demo/arena-layout";

/** The 5,660 seats of the demo arena, as an event copies them from its saved layout. */
export const arenaSeats = () => expandLayout(layoutInput.parse(arenaLayout())).seats;
