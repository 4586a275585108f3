// The formats a picture of the mesh is drawn in, and the file extensions that ask for each: the
// CLI's --out and the app's graphFile both go by the name of the file they write.
import { extname } from 'path';

/** The formats a picture of the mesh is drawn in. */
export enum MeshPictureFormat {
  /** Graphviz source. */
  DOT = 'dot',
  /** A Mermaid flowchart, which GitHub renders in Markdown. */
  MERMAID = 'mermaid',
  /** An SVG document, drawn by Graphviz (built in, WebAssembly). */
  SVG = 'svg',
  /** One self-contained page: the SVG, the findings with links to their rules, and every workload's scope. */
  HTML = 'html',
}

/** A format as the CLI and file names spell it. */
export type PictureFormat = `${MeshPictureFormat}`;

export const PICTURE_FORMATS: readonly PictureFormat[] = Object.values(MeshPictureFormat);

const FORMAT_OF_EXTENSION: Readonly<Record<string, PictureFormat>> = {
  '.dot': 'dot', '.gv': 'dot', '.mmd': 'mermaid', '.mermaid': 'mermaid', '.svg': 'svg', '.html': 'html', '.htm': 'html',
};

/** The extensions `pictureFormatOfFile` knows, for messages. */
export const PICTURE_EXTENSIONS: readonly string[] = Object.keys(FORMAT_OF_EXTENSION);

/** The format `file` asks for by its extension (case-insensitive), or undefined when it names none. */
export function pictureFormatOfFile(file: string): PictureFormat | undefined {
  return FORMAT_OF_EXTENSION[extname(file).toLowerCase()];
}
