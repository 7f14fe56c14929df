// The views grid: as many columns as make the cells closest to square for the space there is, so any number
// of views fits without scrolling (seven 2D views and a 3D view in a laptop window are eight cells of about
// 300 x 250 px), and the dataframe panel below them stays in sight.
//
//   fitGrid(document.getElementById('views'));   // after views come or go, and on resize

/** Columns for `count` cells in a `width` x `height` box: the count whose cells' shorter side is longest. */
export function bestColumns(count, width, height) {
  let best = 1;
  let bestSide = -1;
  for (let columns = 1; columns <= Math.max(1, count); columns++) {
    const rows = Math.ceil(count / columns);
    const side = Math.min(width / columns, height / rows);
    if (side > bestSide + 1e-9) {
      best = columns;
      bestSide = side;
    }
  }
  return best;
}

/** Sets the grid of `element` so that its children fill it in equal cells. */
export function fitGrid(element) {
  const count = element.children.length;
  const columns = bestColumns(count, element.clientWidth, element.clientHeight);
  const rows = Math.max(1, Math.ceil(count / columns));
  element.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
  element.style.gridTemplateRows = `repeat(${rows}, minmax(0, 1fr))`;
}

/** Lets the user drag `handle` to give `panel` (below it) more or less of their parent's height. */
export function makeSplit(handle, panel) {
  handle.addEventListener('pointerdown', (down) => {
    const startY = down.clientY;
    const startHeight = panel.getBoundingClientRect().height;
    const room = panel.parentElement.clientHeight - 120; // the views keep at least this much less
    handle.setPointerCapture(down.pointerId);
    handle.classList.add('dragging');
    const move = (e) => {
      panel.style.height = `${Math.max(90, Math.min(room, startHeight - (e.clientY - startY)))}px`;
    };
    const up = () => {
      handle.classList.remove('dragging');
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  });
}
