// libFuzzer harness: the JSON loader (parser, then template shape) on arbitrary bytes.
// Built by scripts/fuzz together with NagRules' sources in one module; see Fuzz/README.md.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? TemplateLoader().load(bytes: bytes, file: "fuzz.json", format: .json)
    return 0
}
