/**
 * The demo site's logo: a real 64×64 PNG (293 bytes), so the page shows it
 * (the proxy's byte-for-byte test uses its own binary fixture, /binary.png).
 */
const BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAAA7ElEQVR42u3bQQ6AIAxEUS7ilTy/t9GdGyNSKoROP4lb0nkrKbQU49r241z5K3+v1QMPA4ke3AWhFt6EoBq+CUE9fBUhS/hXhNQA2cI/EAAAIDFA1vA3AgAAAODa4Gutvj8AAAAwtkBvkQAoAHgKlQHoLVYKoKdgANQArEVLAlgKlwVoLV4aoCUAAOoAXyFSANSCSJwGPQgAqPQDehGkGiI9CHIdISuCZEvMggCAalN09P9DiK5weoAZZwkAIlyMpAeY0VkKcTUGQEQAXogAAABvBXkpCgAAzAwwMcLcEJNjzA4yPcoMMdPk4QJf57pJQjNsfxYAAAAASUVORK5CYII=";

export const LOGO_PNG: Uint8Array<ArrayBuffer> = Uint8Array.from(atob(BASE64), (c) => c.charCodeAt(0));
