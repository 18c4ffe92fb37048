import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { colorIcon, outlineIcon } from '../manifest/icons';

// `npm run icons`: writes manifest/color.png and manifest/outline.png from manifest/icons.ts. They are
// committed because the Agents Toolkit zips them from beside manifest.template.json.
const dir = join(__dirname, '../manifest');
writeFileSync(join(dir, 'color.png'), colorIcon());
writeFileSync(join(dir, 'outline.png'), outlineIcon());
console.log('Wrote manifest/color.png (192×192) and manifest/outline.png (32×32)');
