import CSystem
import Glibc

/// Keeps the secrets this process holds out of core dumps and away from other processes' ptrace.
public enum CoreDumps {
    /// Turns core dumps off for the rest of the run: a core size limit of 0 and the process not
    /// dumpable (which also keeps other processes of the same user from attaching to it or
    /// reading its memory through /proc). Children started with `exec` get dumpable back.
    public static func disable() {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
        _ = ocw_set_dumpable(0)
    }

    /// Whether this process is dumpable now (for tests).
    public static var isDumpable: Bool { ocw_get_dumpable() == 1 }

    /// The soft core size limit of this process (for tests).
    public static var coreLimit: UInt {
        var limit = rlimit()
        return getrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &limit) == 0 ? UInt(limit.rlim_cur) : .max
    }
}
