// The wall's alarm for new critical alerts: a short tone made with the Web Audio API (no sound file to fetch) and a
// browser notification. Loaded as a module by CriticalAlertAlarm.razor; keeps its one audio context to itself.
let context = null;

function audio() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return null;
    context ??= new Context();
    // Browsers start an audio context suspended until the page has been clicked; resuming is harmless otherwise.
    if (context.state === 'suspended') context.resume().catch(() => { });
    return context;
}

export function permission() {
    return 'Notification' in window ? Notification.permission : 'unsupported';
}

/** Called from the click that turns the alarm on: the browser allows sound and the permission question from a click. */
export async function enable() {
    audio();
    if (!('Notification' in window)) return 'unsupported';
    if (Notification.permission !== 'default') return Notification.permission;
    try {
        return await Notification.requestPermission();
    } catch {
        return Notification.permission;
    }
}

/** The alarm was on when the wall opened: sound can start only after the first click on the page. */
export function arm() {
    document.addEventListener('pointerdown', () => audio(), { once: true, capture: true });
}

export function ring(title, body, tag) {
    try {
        tone();
    } catch {
        // No audio device (a kiosk without speakers): the notification still shows.
    }
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    try {
        // One notification per alert (its id as the tag); it stays until someone looks at it.
        new Notification(title, { body, tag, renotify: true, requireInteraction: true });
    } catch {
        // Some browsers allow notifications only from a service worker; the tone has sounded.
    }
}

/** Three short rising beeps, about 0.7 s in all: unlike any system sound, too short to drown a conversation. */
function tone() {
    const ctx = audio();
    if (!ctx) return;
    const start = ctx.currentTime + 0.05;
    [0, 0.25, 0.5].forEach((offset, i) => {
        const oscillator = ctx.createOscillator();
        const gain = ctx.createGain();
        oscillator.type = 'square';
        oscillator.frequency.value = 880 + i * 220;
        gain.gain.setValueAtTime(0.0001, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
        oscillator.connect(gain).connect(ctx.destination);
        oscillator.start(start + offset);
        oscillator.stop(start + offset + 0.22);
    });
}
