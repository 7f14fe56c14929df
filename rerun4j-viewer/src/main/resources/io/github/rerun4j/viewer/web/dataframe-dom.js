// DOM pieces of the dataframe view (dataframe.js): header and body cells, options, entity prefixes, scrolling.

/** Scrolls `scroller` (only it, not the page) so that `row` is visible below the sticky header. */
export function scrollIntoViewWithin(scroller, row) {
  const header = scroller.querySelector('thead')?.offsetHeight ?? 0;
  const top = row.offsetTop - header;
  const bottom = row.offsetTop + row.offsetHeight - scroller.clientHeight;
  if (scroller.scrollTop > top) scroller.scrollTop = top;
  else if (scroller.scrollTop < bottom) scroller.scrollTop = bottom;
}

export function headerCell(archetype, field, className) {
  const th = document.createElement('th');
  th.className = className;
  const small = document.createElement('div');
  small.className = 'df-archetype';
  small.textContent = archetype;
  const name = document.createElement('div');
  name.className = 'df-field';
  name.textContent = field;
  th.append(small, name);
  return th;
}

export function cell(text, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.textContent = text;
  return td;
}

export function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

/** Every entity path and each of its ancestors, parents right before their children. */
export function entityPrefixes(paths) {
  const all = new Set();
  for (const path of paths) {
    let prefix = '';
    for (const part of path.split('/').filter(Boolean)) {
      prefix += '/' + part;
      all.add(prefix);
    }
  }
  const parts = (p) => p.split('/').filter(Boolean);
  return [...all].sort((a, b) => {
    const pa = parts(a);
    const pb = parts(b);
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
    }
    return pa.length - pb.length;
  });
}
