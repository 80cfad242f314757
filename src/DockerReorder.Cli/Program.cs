namespace DockerReorder.Cli;

/// <summary>Entry point of the <c>docker-reorder</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("docker-reorder: not yet wired");
        return 2;
    }
}
