// nag-bench-load: how fast NagRules loads one template, and how much memory that takes.
//
// Built only when NAG_BENCHMARKS is set (see Package.swift); scripts/bench-load generates the inputs,
// builds this in release mode and runs it.
//
// usage: nag-bench-load FILE [ITERATIONS]
//   Loads FILE (format from its extension) ITERATIONS times (default 20) and prints the best and median
//   throughput in MB/s, then the peak memory of one load beyond the process's baseline, as a multiple of the
//   file size. With NAG_BENCH_EACH set, each load's CPU milliseconds are printed before the throughput (they
//   show the machine's speed changing during a run, which the median hides).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NagRules

/// A field of /proc/self/status in kB (VmRSS, VmHWM), or nil off Linux.
func procStatus(_ field: String) -> Int? {
    guard let file = fopen("/proc/self/status", "r") else { return nil }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 512)
    while fgets(&line, Int32(line.count), file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix(field + ":") {
            return Int(text.dropFirst(field.count + 1).filter { $0.isNumber })
        }
    }
    return nil
}

/// Resets VmHWM to the current RSS (Linux: write 5 to /proc/self/clear_refs).
func resetPeak() {
    if let file = fopen("/proc/self/clear_refs", "w") {
        fputs("5", file)
        fclose(file)
    }
}

/// The allocator this process runs with: jemalloc exports `mallctl`, the C library's malloc does not.
let allocatorName = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallctl") != nil ? "jemalloc" : "C library malloc"

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: nag-bench-load FILE [ITERATIONS]\n".utf8))
    exit(64)
}
let path = arguments[1]
let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
let loader = TemplateLoader(limits: LoadLimits(maxFileSize: 1 << 30))
let bytes: [UInt8]
do { bytes = try loader.readFile(path) } catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
let format = TemplateFormat(fileName: path)
let megabytes = Double(bytes.count) / 1_000_000

// Memory first, on a fresh heap: the peak of one load (parse + template + graph) beyond the baseline. A small
// template of the same format is loaded and graphed first, so the code a first load pages in (about 2.7 MB of
// the program and its libraries) is in the baseline, not counted as memory the template took.
let warmUp = format == .yaml
    ? "Parameters:\n  Name:\n    Type: String\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '${Name}-x'\n      Tags:\n        - Key: k\n          Value: !GetAtt Other.Arn\n"
    : #"{"Parameters": {"Name": {"Type": "String"}}, "Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "${Name}-x"}, "Tags": [{"Key": "k", "Value": {"Fn::GetAtt": ["Other", "Arn"]}}]}}}}"#
if let small = try? loader.load(bytes: Array(warmUp.utf8), file: "warm-up", format: format) {
    _ = ResourceGraph(template: small).references.count
}
let baseline = procStatus("VmRSS") ?? 0
resetPeak()
var resources = 0
do {
    let template = try loader.load(bytes: bytes, file: path, format: format)
    let graph = ResourceGraph(template: template)
    resources = template.resources.count
    _ = graph.references.count
    let peak = procStatus("VmHWM") ?? 0
    let extra = Double(peak - baseline) * 1024
    print("memory: baseline \(baseline / 1024) MB, peak \(peak / 1024) MB during one load and graph: "
          + "\(String(format: "%.2f", extra / Double(bytes.count)))x the input (\(bytes.count) bytes)")
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

/// CPU time of this thread: unlike wall time, it does not count the time other processes hold the core, so the
/// numbers stay meaningful on a busy machine (compare both; on an idle machine they agree).
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

var wall: [Double] = []
var cpu: [Double] = []
let clock = ContinuousClock()
for _ in 0..<iterations {
    var loaded: Template?
    let cpuStart = threadCPUSeconds()
    let elapsed = clock.measure {
        loaded = try? loader.load(bytes: bytes, file: path, format: format)
    }
    cpu.append(threadCPUSeconds() - cpuStart)
    precondition(loaded?.resources.count == resources)
    wall.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    if ProcessInfo.processInfo.environment["NAG_BENCH_EACH"] != nil { print(String(format: "%.1f", cpu.last! * 1000), terminator: " ") }
}
wall.sort()
cpu.sort()
func rate(_ seconds: Double) -> String { String(format: "%.1f MB/s", megabytes / seconds) }
print("\(format?.rawValue ?? "auto") \(String(format: "%.2f", megabytes)) MB, \(resources) resources, \(iterations) loads: "
      + "wall best \(rate(wall[0])) median \(rate(wall[wall.count / 2])); "
      + "CPU best \(rate(cpu[0])) median \(rate(cpu[cpu.count / 2])) "
      + "(\(String(format: "%.1f", cpu[cpu.count / 2] * 1000)) ms CPU per load; \(allocatorName))")
