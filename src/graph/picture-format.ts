// The formats a picture of the mesh is drawn in, and the file extensions that ask for each: the
// CLI's --out and the app's graphFile both go by the name of the file they write.
import { extname } from 'path';

/** The formats a picture is drawn in. */
export type PictureFormat = 'dot' | 'mermaid' | 'svg' | 'html';

export const PICTURE_FORMATS: readonly PictureFormat[] = ['dot', 'mermaid', 'svg', 'html'];

const FORMAT_OF_EXTENSION: Readonly<Record<string, PictureFormat>> = {
  '.dot': 'dot', '.gv': 'dot', '.mmd': 'mermaid', '.mermaid': 'mermaid', '.svg': 'svg', '.html': 'html', '.htm': 'html',
};

/** The extensions `pictureFormatOfFile` knows, for messages. */
export const PICTURE_EXTENSIONS: readonly string[] = Object.keys(FORMAT_OF_EXTENSION);

/** The format `file` asks for by its extension (case-insensitive), or undefined when it names none. */
export function pictureFormatOfFile(file: string): PictureFormat | undefined {
  return FORMAT_OF_EXTENSION[extname(file).toLowerCase()];
}
