import type { AstroIntegration } from 'astro';
import { missingSiteMessage, type AtlasConfig } from '../lib/config.ts';

/**
 * Says so when a production build does not know its address (no ATLAS_SITE and no host variable to derive it from):
 * a warning, or with ATLAS_STRICT a failed build. `astro dev`, `astro preview` and `npm start` (a `--local` build)
 * stay quiet. The message itself is src/lib/config.ts's missingSiteMessage.
 */
export function atlasSiteOrigin(config: AtlasConfig): AstroIntegration {
  return {
    name: 'research-atlas-site-origin',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const message = missingSiteMessage(config);
        if (message === undefined) return;
        if (config.strict) throw new Error(message);
        logger.warn(message);
      },
    },
  };
}
