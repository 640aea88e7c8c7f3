import { useState } from 'preact/hooks';

interface WebhookAddressProps {
  /** The address's path on this site, e.g. `/api/webhooks/whatsapp/<key>`. */
  path: string;
  /** What to call it, e.g. "Webhook address (callback URL for Meta)". */
  label: string;
  /** What the provider sends there, shown under the address. */
  hint: string;
  testId: string;
}

/** The address to give a provider for the shop's webhook, with a copy button. */
export function WebhookAddress({ path, label, hint, testId }: WebhookAddressProps) {
  const url = `${window.location.origin}${path}`;
  const labelId = `${testId}-label`;
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied.');
    } catch {
      setCopied('Could not copy: select the address and copy it by hand.');
    }
  };
  return (
    <div class="field webhook">
      <p class="field__label" id={labelId}>
        {label}
      </p>
      <div class="webhook__row">
        <code class="webhook__url" aria-labelledby={labelId} data-testid={testId}>
          {url}
        </code>
        <button type="button" class="btn btn--small" onClick={copy}>
          Copy
        </button>
      </div>
      <p class="field__hint" role="status">
        {copied ?? hint}
      </p>
    </div>
  );
}
