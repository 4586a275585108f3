// The picture of a mesh for code, in every jsii language: what `cdk8s-istio-sidecar graph` and
// the graphFile setting draw, as a string.
import { DEFAULT_COLLAPSE_ABOVE } from './mesh-graph';
import { drawMesh } from './picture';
import { MeshPictureFormat, PICTURE_FORMATS } from './picture-format';
import { entriesOf, meshRunSettingsOf } from '../analysis/mesh-analysis-settings';
import { MeshAnalysisOptions } from '../analysis/mesh-options';
import { ReachQueryError } from '../analysis/reach/reach-report';

/** What to draw, and the mesh settings to judge it by. */
export interface MeshPictureOptions extends MeshAnalysisOptions {
  /**
   * The format of the picture.
   * @default MeshPictureFormat.SVG
   */
  readonly format?: MeshPictureFormat;

  /**
   * Draw only this workload (`NS/NAME` or `NS/KIND/NAME`), its imports and its declared calls;
   * in HTML, only the findings about it and its Sidecar.
   * @default - every workload
   */
  readonly from?: string;

  /**
   * A namespace with more workloads than this is drawn as one node, and so are its hosts when
   * more than this many are drawn.
   * @default 20
   */
  readonly collapseAbove?: number;
}

/** Draws the picture of a mesh: which Sidecar each workload gets and what it can reach. */
export class MeshPicture {
  /**
   * The picture of `manifests` (Kubernetes objects as plain JSON, e.g. parsed YAML).
   *
   * @throws if an option is invalid, or `from` names no workload of the manifests
   */
  public static draw(manifests: any[], options: MeshPictureOptions = {}): string {
    const { format = MeshPictureFormat.SVG, from, collapseAbove, ...meshOptions } = options ?? {};
    if (!(PICTURE_FORMATS as readonly string[]).includes(format)) {
      throw new Error(`MeshPicture.draw: format ${JSON.stringify(format)} is invalid: expected one of ${PICTURE_FORMATS.join(', ')} (MeshPictureFormat)`);
    }
    if (from !== undefined && typeof from !== 'string') {
      throw new Error(`MeshPicture.draw: from ${JSON.stringify(from)} is invalid: expected the workload as "NS/NAME", e.g. "bookinfo/productpage"`);
    }
    if (collapseAbove !== undefined && (typeof collapseAbove !== 'number' || !Number.isInteger(collapseAbove) || collapseAbove < 0)) {
      throw new Error(`MeshPicture.draw: collapseAbove ${JSON.stringify(collapseAbove)} is invalid: expected a whole number of workloads, e.g. ${DEFAULT_COLLAPSE_ABOVE}`);
    }
    const entries = entriesOf(manifests);
    const settings = meshRunSettingsOf(meshOptions, entries, 'MeshPicture.draw');
    try {
      return drawMesh({ entries, settings }, {
        format,
        ...(from !== undefined ? { from } : {}),
        ...(collapseAbove !== undefined ? { collapseAbove } : {}),
      });
    } catch (error) {
      if (error instanceof ReachQueryError) throw new Error(`MeshPicture.draw: ${error.message}`);
      throw error;
    }
  }

  private constructor() {}
}
