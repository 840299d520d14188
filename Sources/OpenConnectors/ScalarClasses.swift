extension Unicode.Scalar {
    /// Unicode White_Space, answered for ASCII without a property lookup (renders call it per scalar).
    var isWhiteSpace: Bool {
        isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    /// General category Cc: C0 controls, DEL and C1 controls (exactly these code points).
    var isControlCharacter: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }
}
