// Where the phone is, if its owner allows: one reading, or null when refused, unavailable or too slow.
export function locate(timeoutMs) {
    return new Promise(resolve => {
        if (!('geolocation' in navigator)) {
            resolve(null);
            return;
        }
        navigator.geolocation.getCurrentPosition(
            position => resolve({ lat: position.coords.latitude, lon: position.coords.longitude }),
            () => resolve(null),
            { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 });
    });
}
