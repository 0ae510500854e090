/// Where a value sits inside a resource or output: `Properties.Tags[0].Value`.
public struct PropertyPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }
    public init(arrayLiteral elements: Component...) { self.components = elements }

    public func appending(_ component: Component) -> PropertyPath {
        PropertyPath(components + [component])
    }

    public func appending(key: String) -> PropertyPath { appending(.key(key)) }

    /// Whether this path starts with `prefix` (given as keys, e.g. `["Properties", "Bucket"]`).
    public func hasPrefix(_ keys: [String]) -> Bool {
        guard components.count >= keys.count else { return false }
        for (component, key) in zip(components, keys) {
            guard case .key(let k) = component, k == key else { return false }
        }
        return true
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
