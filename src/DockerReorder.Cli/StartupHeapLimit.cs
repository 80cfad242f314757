namespace DockerReorder.Cli;

/// <summary>
/// The project file starts the collector with a heap hard limit (<c>System.GC.HeapHardLimit</c>): a collector that
/// starts with one reuses the memory it freed, where the default one moves on to fresh memory, which a short run
/// pays for in zeroing and page faults (10,000 small files: ~17,500 faults against ~9,000; bench/PERF-NOTES.md,
/// round ten). The limit itself is not wanted: it is lifted before any work, so no input can run into it, and
/// <c>System.GC.RegionRange</c> keeps the address range the collector reserves at its default size.
/// </summary>
public static class StartupHeapLimit
{
    // The knob's name in the runtime configuration, and the name RefreshMemoryLimit reads a new value under.
    private const string ConfiguredName = "System.GC.HeapHardLimit";
    private const string RefreshName = "GCHeapHardLimit";

    /// <summary>Lifts the start-up limit (no limit but the machine's memory); does nothing in a process started without one, such as a test host.</summary>
    public static void Lift()
    {
        if (AppContext.GetData(ConfiguredName) is null) return;
        // 0 is "not set": the collector works the limit out again as if none had been configured.
        AppContext.SetData(RefreshName, 0UL);
        try
        {
            GC.RefreshMemoryLimit();
        }
        catch (InvalidOperationException)
        {
            // Only a limit below what is already committed is refused, and "none" is not one: should it happen, the
            // start-up limit stays, and a file too big for it is reported as that file's error, not a crash.
        }
    }
}
