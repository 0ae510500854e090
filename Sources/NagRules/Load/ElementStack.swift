/// A growable stack the parsers collect the children of open lists and maps on, handing the children of a
/// finished container out as one exactly sized array.
///
/// A container's children are moved, not copied, into their array: no reference counting per element, no
/// array growing one append at a time, and no spare capacity left in the finished tree. The stack owns its
/// storage: whatever is still on it when it goes away (a parse that failed half-way) is destroyed then.
///
/// A class rather than a noncopyable struct: a parser holding a noncopyable member becomes noncopyable too,
/// and the compiler then copies the whole parser bytewise to read any computed property of it. Only the
/// parser that made it uses it, one call at a time, so its fields skip the run-time exclusivity checks.
final class ElementStack<Element> {
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) private var capacity: Int
    /// Elements on the stack.
    @exclusivity(unchecked) private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 1)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// The element at `index` (below ``count``), read in place.
    subscript(index: Int) -> Element {
        unsafeAddress { UnsafePointer(base + index) }
    }

    /// The top element (the stack must not be empty), to read or change in place. The pointer is good until the
    /// next ``append(_:)``, which may move the storage.
    var top: UnsafeMutablePointer<Element> {
        precondition(count > 0, "the stack is empty")
        return base + (count - 1)
    }

    func append(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Removes the top element (the stack must not be empty) and returns it.
    func removeLast() -> Element {
        count -= 1
        return (base + count).move()
    }

    /// Removes the elements from `start` to the top and returns them, in order, as an array of their count.
    func popArray(from start: Int) -> [Element] {
        let moved = count - start
        guard moved > 0 else { return [] }
        // Not `Array(unsafeUninitializedCapacity:)`: its allocation is a generic call the compiler cannot
        // specialise, which looks the array's type up at run time on every container.
        var array: [Element] = []
        array.reserveCapacity(moved)
        for index in start..<count { array.append((base + index).move()) }
        count = start
        return array
    }

    /// Removes the elements from `start` to the top.
    func removeAll(from start: Int) {
        guard start < count else { return }
        (base + start).deinitialize(count: count - start)
        count = start
    }

    private func grow() {
        let larger = capacity * 2
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        storage.moveInitialize(from: base, count: count)
        base.deallocate()
        base = storage
        capacity = larger
    }
}
