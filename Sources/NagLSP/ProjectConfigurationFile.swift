import Foundation
import NagRules

/// The project's `.nag.yaml` in the workspace folder: packs, fail level, unknowns, rule filters and levels,
/// custom rules and parameter values, as `nag` reads them; the editor's settings apply over it. Its
/// suppressions, exclusions and baseline are not applied in the editor.
public struct ProjectConfigurationFile: ProjectConfiguration {
    public init() {}

    public func apply(to settings: ServerSettings, root: String?) -> (ServerSettings, [String]) {
        guard let root else { return (settings, []) }
        let path = (root as NSString).appendingPathComponent(NagConfig.fileName)
        guard FileManager.default.fileExists(atPath: path) else { return (settings, []) }
        guard let data = FileManager.default.contents(atPath: path) else { return (settings, ["\(path) could not be read"]) }
        let config: NagConfig
        do {
            config = try NagConfig.parse(bytes: Array(data), file: path, folder: root)
        } catch {
            return (settings, error.diagnostics.map(\.description))
        }
        var settings = settings
        if let packs = config.packs?.value { settings.packs = packs }
        switch config.failOn?.value {
        case "error": settings.failOn = .error
        case "warning": settings.failOn = .warning
        case "none": settings.failOn = nil
        default: break
        }
        if let unknown = config.unknown?.value { settings.showUnknowns = unknown != "ignore" }
        if let only = config.only?.value { settings.onlyRules = only }
        if let skip = config.skip?.value { settings.skipRules = skip }
        for (id, level) in config.levels { settings.levels[id] = level.value }
        if let custom = config.customRules?.value { settings.customRules = custom }
        settings.parameterSets = config.parameters
        return (settings, [])
    }
}
