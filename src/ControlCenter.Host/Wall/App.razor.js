// Starts Blazor with the wall's reconnection. A wall hangs unattended in a control room, so it must come back by itself
// from whatever cut its circuit: a network blip, its silo restarted in a rolling upgrade, the whole centre down for an hour.
// Blazor's defaults give up after 30 attempts (about six minutes) and then wait for someone to press a button.

const dialogId = 'components-reconnect-modal';
const reloadKey = 'cc-wall-reload';

/**
 * Milliseconds before reconnection attempt `previousAttempts + 1`: at once (a blip), then 1, 2, 4, 8 s and every 15 s
 * after, give or take a fifth so that a room of walls does not reach a restarted silo in the same instant.
 */
export function retryDelay(previousAttempts) {
    if (previousAttempts === 0) return 0;
    const base = Math.min(15_000, 1_000 * 2 ** (previousAttempts - 1));
    return Math.round(base * (0.8 + Math.random() * 0.4));
}

const delay = ms => new Promise(resolve => setTimeout(resolve, ms));

async function pageAnswers() {
    try {
        const answer = await fetch(location.href, { cache: 'no-store', signal: AbortSignal.timeout(15_000) });
        return answer.ok;
    } catch {
        return false;
    }
}

function lastReload() {
    try {
        return JSON.parse(sessionStorage.getItem(reloadKey) ?? 'null');
    } catch {
        return null;
    }
}

/**
 * The server answered but no longer has this wall's circuit (its silo restarted, or it held the circuit longer than
 * its retention period): only a new page gets a new one. A silo that is merely slow keeps the circuit and accepts the
 * reconnection, so it never gets here. Two guards keep a reload from making things worse: the page must answer first
 * (a reload into a 503 or a refused connection would leave an error page with no script to try again), and reloads in
 * quick succession (within ten minutes: something rejects every new circuit) wait longer each time, up to two minutes,
 * instead of looping.
 */
async function reloadWhenThePageAnswers() {
    const last = lastReload();
    const streak = last && Date.now() - last.at < 600_000 ? last.streak + 1 : 0;
    let wait = streak === 0 ? 0 : Math.min(120_000, 5_000 * 2 ** (streak - 1));
    for (let attempt = 1; ; attempt++) {
        await delay(wait);
        if (await pageAnswers()) break;
        wait = retryDelay(attempt);
    }

    try {
        sessionStorage.setItem(reloadKey, JSON.stringify({ at: Date.now(), streak }));
    } catch {
        // Without session storage there is no streak to keep; the page answered, so the reload is still safe.
    }

    location.reload();
}

let reloading = false;
document.getElementById(dialogId)?.addEventListener('components-reconnect-state-changed', event => {
    if (event.detail.state !== 'rejected' || reloading) return;
    reloading = true;
    reloadWhenThePageAnswers();
});

Blazor.start({
    circuit: {
        // Blazor shows the dialog with this id (classes components-reconnect-show/-retrying/-rejected) and tells it
        // each state change; with no limit on attempts it never reaches "failed".
        reconnectionOptions: { dialogId, maxRetries: Infinity, retryIntervalMilliseconds: retryDelay },
    },
});
