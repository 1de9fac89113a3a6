// The legend's open or folded state. The operator's own choice is kept in this browser (like the wall's language, a
// screen keeps its own); until there is one, the legend opens only on a map large enough to spare the room: on a
// laptop's map (1366×768) the open legend would lie over the markers west of the centre.
const key = 'cc-wall-legend';

// Below this (the map's box, in CSS pixels) the legend starts folded. A 1920×1080 wall's map is about 1270×1010.
const OPEN_FROM = { width: 1100, height: 900 };

/** Whether the legend starts open: the remembered choice, else whether the map around it is large enough. */
export function startsOpen(legend) {
    try {
        const remembered = localStorage.getItem(key);
        if (remembered === 'open' || remembered === 'folded') return remembered === 'open';
    } catch { /* storage refused (private browsing): decide by the map's size */ }
    const map = legend.parentElement.getBoundingClientRect();
    return map.width >= OPEN_FROM.width && map.height >= OPEN_FROM.height;
}

export function remember(open) {
    try { localStorage.setItem(key, open ? 'open' : 'folded'); } catch { /* this visit only */ }
}
