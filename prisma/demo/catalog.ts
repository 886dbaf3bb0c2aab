// Fictional organizers, venues and performers for the demo catalogue.

export const DEMO_PASSWORD = "marquee-demo-2026";

export const demoAccounts = {
  admin: { email: "admin@marquee.test", name: "Ada Admin" },
  fan: { email: "fan@marquee.test", name: "Frankie Fan" },
} as const;

export const organizations = [
  {
    slug: "northstar-live",
    name: "Northstar Live",
    owner: { email: "organizer@northstar.test", name: "Nora Northstar" },
  },
  {
    slug: "bigtop-sports",
    name: "Bigtop Sports & Family",
    owner: { email: "organizer@bigtop.test", name: "Ben Bigtop" },
  },
  {
    slug: "footlights",
    name: "Footlights Theatre & Comedy",
    owner: { email: "organizer@footlights.test", name: "Fay Footlights" },
  },
] as const;

/** Staff of the organizations above, by organization slug: a manager of two (the dashboard's switcher) and door staff. */
export const staffAccounts = [
  {
    email: "manager@northstar.test",
    name: "Max Manager",
    memberships: [
      { org: "northstar-live", role: "MANAGER" },
      { org: "footlights", role: "MANAGER" },
    ],
  },
  { email: "door@northstar.test", name: "Dora Door", memberships: [{ org: "northstar-live", role: "CHECK_IN" }] },
] as const;

type VenueSeed = {
  slug: string;
  name: string;
  address: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  timeZone: string;
  latitude: number;
  longitude: number;
  org: 0 | 1 | 2;
  arena?: boolean;
};

export const venues: VenueSeed[] = [
  {
    slug: "hudson-arena",
    name: "Hudson Arena",
    address: "4 Pennline Plaza",
    city: "New York",
    region: "NY",
    postalCode: "10001",
    country: "US",
    timeZone: "America/New_York",
    latitude: 40.7505,
    longitude: -73.9934,
    org: 1,
    arena: true,
  },
  {
    slug: "the-lantern-room",
    name: "The Lantern Room",
    address: "212 Bowery",
    city: "New York",
    region: "NY",
    postalCode: "10012",
    country: "US",
    timeZone: "America/New_York",
    latitude: 40.7223,
    longitude: -73.9932,
    org: 0,
  },
  {
    slug: "broad-street-playhouse",
    name: "Broad Street Playhouse",
    address: "1501 Broadway",
    city: "New York",
    region: "NY",
    postalCode: "10036",
    country: "US",
    timeZone: "America/New_York",
    latitude: 40.7575,
    longitude: -73.9865,
    org: 2,
  },
  {
    slug: "lakeshore-pavilion",
    name: "Lakeshore Pavilion",
    address: "1300 S Lake Shore Dr",
    city: "Chicago",
    region: "IL",
    postalCode: "60605",
    country: "US",
    timeZone: "America/Chicago",
    latitude: 41.8663,
    longitude: -87.6167,
    org: 0,
  },
  {
    slug: "windy-city-comedy-vault",
    name: "Windy City Comedy Vault",
    address: "1608 N Wells St",
    city: "Chicago",
    region: "IL",
    postalCode: "60614",
    country: "US",
    timeZone: "America/Chicago",
    latitude: 41.9115,
    longitude: -87.6347,
    org: 2,
  },
  {
    slug: "pacific-coast-arena",
    name: "Pacific Coast Arena",
    address: "1111 S Figueroa St",
    city: "Los Angeles",
    region: "CA",
    postalCode: "90015",
    country: "US",
    timeZone: "America/Los_Angeles",
    latitude: 34.043,
    longitude: -118.2673,
    org: 1,
    arena: true,
  },
  {
    slug: "sunset-strip-hall",
    name: "Sunset Strip Hall",
    address: "8901 Sunset Blvd",
    city: "Los Angeles",
    region: "CA",
    postalCode: "90069",
    country: "US",
    timeZone: "America/Los_Angeles",
    latitude: 34.0907,
    longitude: -118.3856,
    org: 0,
  },
  {
    slug: "congress-avenue-theatre",
    name: "Congress Avenue Theatre",
    address: "713 Congress Ave",
    city: "Austin",
    region: "TX",
    postalCode: "78701",
    country: "US",
    timeZone: "America/Chicago",
    latitude: 30.2696,
    longitude: -97.7426,
    org: 2,
  },
  {
    slug: "riverbend-amphitheater",
    name: "Riverbend Amphitheater",
    address: "2100 Barton Springs Rd",
    city: "Austin",
    region: "TX",
    postalCode: "78704",
    country: "US",
    timeZone: "America/Chicago",
    latitude: 30.2638,
    longitude: -97.7713,
    org: 0,
  },
  {
    slug: "emerald-sound-ballroom",
    name: "Emerald Sound Ballroom",
    address: "1426 1st Ave",
    city: "Seattle",
    region: "WA",
    postalCode: "98101",
    country: "US",
    timeZone: "America/Los_Angeles",
    latitude: 47.6088,
    longitude: -122.3403,
    org: 0,
  },
  {
    slug: "puget-fieldhouse",
    name: "Puget Fieldhouse",
    address: "305 Harrison St",
    city: "Seattle",
    region: "WA",
    postalCode: "98109",
    country: "US",
    timeZone: "America/Los_Angeles",
    latitude: 47.6219,
    longitude: -122.3517,
    org: 1,
  },
  {
    slug: "cumberland-music-hall",
    name: "Cumberland Music Hall",
    address: "116 5th Ave N",
    city: "Nashville",
    region: "TN",
    postalCode: "37219",
    country: "US",
    timeZone: "America/Chicago",
    latitude: 36.1612,
    longitude: -86.7785,
    org: 0,
  },
  {
    slug: "magnolia-family-center",
    name: "Magnolia Family Center",
    address: "501 Broadway",
    city: "Nashville",
    region: "TN",
    postalCode: "37203",
    country: "US",
    timeZone: "America/Chicago",
    latitude: 36.1593,
    longitude: -86.7783,
    org: 1,
  },
  {
    slug: "mile-high-stage",
    name: "Mile High Stage",
    address: "1000 Chopper Cir",
    city: "Denver",
    region: "CO",
    postalCode: "80204",
    country: "US",
    timeZone: "America/Denver",
    latitude: 39.7487,
    longitude: -105.0077,
    org: 2,
  },
];

export type Category = "CONCERT" | "SPORTS" | "THEATRE" | "COMEDY" | "FAMILY";

export const performers: Record<Category, string[]> = {
  CONCERT: [
    "The Velvet Comets",
    "Luna Marquez",
    "Static Harbor",
    "Juniper & The Owls",
    "DJ Solstice",
    "Rosa Delgado Quartet",
    "Neon Pines",
    "The Midnight Ferry",
    "Aurora Vale",
    "Copper Canyon Band",
    "Kai Okafor",
    "Glass Animals Revival",
    "Saffron Skies",
    "Brass Lantern Orchestra",
    "Mira Chen",
    "The Paper Kites Tribute",
    "Echo Park Choir",
    "Oskar Lind",
  ],
  SPORTS: [
    "New York Harbormen",
    "Los Angeles Comets",
    "Chicago Lakers of the Loop",
    "Seattle Sound FC",
    "Austin Armadillos",
    "Nashville Nighthawks",
    "Denver Peaks",
    "Hudson River Rollers",
  ],
  THEATRE: [
    "The Glass Menagerie",
    "A Midsummer Night's Dream",
    "The Lighthouse Keeper",
    "Hamlet Reimagined",
    "The Last Tram Home",
    "Wonders of the Deep",
    "Cabaret Noir",
    "The Cherry Orchard",
  ],
  COMEDY: [
    "Priya Raman",
    "Dev Castellanos",
    "The Improv Collective",
    "Maggie O'Connell",
    "Tomás Rivera",
    "Late Night Laughs Crew",
  ],
  FAMILY: [
    "Circus Stellaris",
    "Dino Discovery Live",
    "The Bubble Scientists",
    "Puppet Parade",
    "Ice Dreams on Tour",
    "Magic of Maximo",
  ],
};

export const tourWords: Record<Category, string[]> = {
  CONCERT: ["World Tour", "Live", "Acoustic Night", "Anniversary Show", "Summer Sessions", "In Concert"],
  SPORTS: ["Home Opener", "Rivalry Night", "Playoff Game", "Season Match", "Championship Series"],
  THEATRE: ["", "Opening Night", "Matinee", "Limited Run"],
  COMEDY: ["Stand-Up Tour", "Live", "Late Show", "Work in Progress"],
  FAMILY: ["Live", "Family Matinee", "Holiday Special", "World Tour"],
};

export const categoryTags: Record<Category, string[]> = {
  CONCERT: ["rock", "pop", "indie", "jazz", "electronic", "folk", "country", "hip-hop"],
  SPORTS: ["basketball", "soccer", "hockey", "roller derby"],
  THEATRE: ["drama", "musical", "classic", "new writing"],
  COMEDY: ["stand-up", "improv", "late night"],
  FAMILY: ["kids", "circus", "science", "magic"],
};

// Which organization runs which categories.
export const categoriesOf: Record<0 | 1 | 2, Category[]> = {
  0: ["CONCERT"],
  1: ["SPORTS", "FAMILY", "CONCERT"],
  2: ["THEATRE", "COMEDY"],
};

/** The demo's ticket buyers (400 of them, first × last name): the sales history's customers. */
const buyerFirstNames = [
  "Avery",
  "Blake",
  "Camila",
  "Dev",
  "Elena",
  "Farah",
  "Gus",
  "Hana",
  "Ivan",
  "Jade",
  "Kofi",
  "Lena",
  "Mateo",
  "Nia",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sami",
  "Theo",
] as const;
const buyerLastNames = [
  "Alvarez",
  "Brooks",
  "Chen",
  "Dubois",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Hughes",
  "Ito",
  "Jensen",
  "Kowalski",
  "Lopez",
  "Murphy",
  "Nakamura",
  "Okafor",
  "Patel",
  "Rossi",
  "Schmidt",
  "Tanaka",
  "Walsh",
] as const;

export const buyerAccounts = buyerFirstNames.flatMap((first) =>
  buyerLastNames.map((last) => ({
    name: `${first} ${last}`,
    email: `${first}.${last}@fans.marquee.test`.toLowerCase(),
  })),
);
