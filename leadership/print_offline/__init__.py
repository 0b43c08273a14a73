"""What leaves the screen: printed handouts (handout: QR codes, link addresses) and the
offline pack that works from a folder or USB stick (offline)."""
