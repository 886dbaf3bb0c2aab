import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize, type Access } from "@/lib/auth/authorize";
import { currentActor } from "@/lib/auth/page-actor";
import { clientIp } from "@/lib/client-ip";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

/** What a form's server action returns to it: field errors stay beside their fields. */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** What the action made that the form shows once, e.g. a new API token. */
  created?: Record<string, string>;
};

/** The address of the browser that sent this server action, as route handlers see it (lib/client-ip.ts). */
export async function actionClientIp(): Promise<string | null> {
  return clientIp(await headers(), config().TRUSTED_PROXIES);
}

function isNextControlFlow(error: unknown): boolean {
  // redirect() and notFound() throw errors that Next must receive untouched.
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}

/**
 * Wraps a form's server action: authorizes the caller (actions are public
 * endpoints, whatever page shows the form), validates the form with zod and
 * turns AppErrors into a friendly state instead of an error page.
 */
export function formAction<const A extends Access, S extends z.ZodType>(
  options: { access: A; schema: S; echo?: string[] },
  handler: (input: z.infer<S>, actor: A extends "public" ? null : Actor) => Promise<FormState | void>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const raw = Object.fromEntries([...formData.entries()].filter(([key]) => !key.startsWith("$ACTION")));
    const values = Object.fromEntries((options.echo ?? []).map((key) => [key, String(raw[key] ?? "")]));
    try {
      const actor = options.access === "public" ? null : await currentActor();
      authorize(actor, options.access);
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues)
          (fieldErrors[issue.path.join(".") || "form"] ??= []).push(issue.message);
        return { ok: false, message: "Please correct the highlighted fields.", fieldErrors, values };
      }
      return (await handler(parsed.data, actor as A extends "public" ? null : Actor)) ?? { ok: true };
    } catch (error) {
      if (isNextControlFlow(error)) throw error;
      if (error instanceof AppError) {
        const details = error.details as { fields?: Record<string, string[]> } | undefined;
        return {
          ok: false,
          message: error.message,
          values,
          ...(details?.fields ? { fieldErrors: details.fields } : {}),
        };
      }
      log.error({ err: error }, "server action failed");
      return { ok: false, message: "Something went wrong on our side. Please try again.", values };
    }
  };
}
