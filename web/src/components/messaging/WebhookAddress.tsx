import { useState } from 'preact/hooks';

/** The address to give Meta for the shop's webhook, with a copy button. */
export function WebhookAddress({ path }: { path: string }) {
  const url = `${window.location.origin}${path}`;
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
      <p class="field__label" id="webhook-label">
        Webhook address (callback URL for Meta)
      </p>
      <div class="webhook__row">
        <code class="webhook__url" aria-labelledby="webhook-label" data-testid="webhook-url">
          {url}
        </code>
        <button type="button" class="btn btn--small" onClick={copy}>
          Copy
        </button>
      </div>
      <p class="field__hint" role="status">
        {copied ?? 'Meta sends delivery statuses and replies here; it checks the verify token once.'}
      </p>
    </div>
  );
}
