// libFuzzer harness: the YAML loader (libyaml events, tags, anchors and aliases, then template shape) on
// arbitrary bytes. Built by scripts/fuzz together with NagRules' sources in one module; see Fuzz/README.md.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? TemplateLoader().load(bytes: bytes, file: "fuzz.yaml", format: .yaml)
    return 0
}
