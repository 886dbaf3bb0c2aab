import QRCode from "qrcode";

/** The ticket's code as a QR code, drawn on the server as inline SVG. */
export async function TicketQr({ code }: { code: string }) {
  const svg = await QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return (
    <div
      role="img"
      aria-label={`QR code for ticket ${code}`}
      className="h-36 w-36 shrink-0 bg-white"
      // The SVG is generated here from the ticket code alone, never from user HTML.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
