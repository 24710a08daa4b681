"""Site chrome on every page: header scene, role switcher, accessibility toolbar,
footer identity block, share metadata and QR code."""
