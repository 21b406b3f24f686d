"""What every chat adapter needs and no platform owns: retries, recent ids, signed webhooks,
library logs without bodies, and text cut to fit. Nothing here imports a platform's library."""
