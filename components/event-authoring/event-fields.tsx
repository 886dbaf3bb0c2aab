import { EVENT_CATEGORIES } from "@/lib/events/event-schemas";
import { Checkbox, SelectField, TextArea, TextField } from "./fields";

// The details every event has, for the "New event" form and the edit page alike.
// `values` are the form's own strings: what the event holds, or what was just submitted.

export type EventFieldValues = Partial<
  Record<
    | "title"
    | "category"
    | "performers"
    | "description"
    | "tags"
    | "startsAt"
    | "endsAt"
    | "onSaleAt"
    | "perOrderLimit"
    | "holdMinutes"
    | "queueEnabled",
    string
  >
>;

export function EventFields({
  values,
  errors,
  timeZone,
}: {
  values: EventFieldValues;
  errors: Record<string, string[]>;
  timeZone?: string;
}) {
  const zoneHint = timeZone ? `In ${timeZone}.` : undefined;
  return (
    <>
      <fieldset className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-lg font-bold">What</legend>
        <TextField
          name="title"
          label="Title"
          defaultValue={values.title}
          required
          maxLength={200}
          errors={errors.title}
          className="sm:col-span-2"
        />
        <SelectField
          name="category"
          label="Category"
          defaultValue={values.category ?? "CONCERT"}
          errors={errors.category}
        >
          {EVENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c.charAt(0) + c.slice(1).toLowerCase()}
            </option>
          ))}
        </SelectField>
        <TextField
          name="tags"
          label="Tags"
          defaultValue={values.tags}
          hint="Separated by commas: indie, outdoor"
          errors={errors.tags}
        />
        <TextArea
          name="performers"
          label="Performers"
          rows={2}
          defaultValue={values.performers}
          hint="One per line (or separated by commas)."
          errors={errors.performers}
          className="sm:col-span-2"
        />
        <TextArea
          name="description"
          label="Description"
          rows={6}
          defaultValue={values.description}
          hint="Markdown: **bold**, *italic*, [links](https://…), lists. HTML is not allowed."
          errors={errors.description}
          className="sm:col-span-2"
        />
      </fieldset>

      <fieldset className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-lg font-bold">When</legend>
        <TextField
          name="startsAt"
          label="Starts"
          type="datetime-local"
          defaultValue={values.startsAt}
          required
          hint={zoneHint}
          errors={errors.startsAt}
        />
        <TextField
          name="endsAt"
          label="Ends"
          type="datetime-local"
          defaultValue={values.endsAt}
          required
          hint={zoneHint}
          errors={errors.endsAt}
        />
        <TextField
          name="onSaleAt"
          label="Tickets on sale from"
          type="datetime-local"
          defaultValue={values.onSaleAt}
          hint={`${zoneHint ?? ""} Empty: as soon as it is published.`.trim()}
          errors={errors.onSaleAt}
        />
      </fieldset>

      <fieldset className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <legend className="px-1 text-lg font-bold">Selling</legend>
        <TextField
          name="perOrderLimit"
          label="Tickets per fan"
          type="number"
          min={1}
          max={50}
          defaultValue={values.perOrderLimit ?? "8"}
          errors={errors.perOrderLimit}
          hint="The most one fan may buy, across orders."
        />
        <TextField
          name="holdMinutes"
          label="Hold time (minutes)"
          type="number"
          min={2}
          max={60}
          defaultValue={values.holdMinutes ?? "10"}
          errors={errors.holdMinutes}
          hint="How long seats stay reserved while a fan pays."
        />
        <Checkbox
          name="queueEnabled"
          label="Waiting room"
          defaultChecked={values.queueEnabled === "true" || values.queueEnabled === "on"}
          hint="Queue fans when sales open, for events that will sell out fast."
        />
      </fieldset>
    </>
  );
}
