// How each kind of name is called to a reader: one table for the hover card, the outline, the code lens and the CLI's
// report, so they never disagree.
import type { EntityType } from "./engine";

export interface EntityLabel {
  /** "organisation" */
  one: string;
  /** "organisations" */
  many: string;
  /** "Organisations": a heading in the outline and the report. */
  heading: string;
}

export const ENTITY_LABELS: Record<EntityType, EntityLabel> = {
  person: { one: "person", many: "people", heading: "People" },
  place: { one: "place", many: "places", heading: "Places" },
  organization: { one: "organisation", many: "organisations", heading: "Organisations" },
  other: { one: "other name", many: "other names", heading: "Other names" },
};

/** In the order readers see them: the three kinds of entity first, other names (products, events, laws…) apart. */
export const ENTITY_TYPES: readonly EntityType[] = ["person", "place", "organization", "other"];
