namespace HelloAot;

/// <summary>Prints one line and exits: the floor for a native AOT process's wall time.</summary>
internal static class Program
{
    /// <summary>Writes the greeting.</summary>
    public static int Main()
    {
        Console.WriteLine("hello");
        return 0;
    }
}
