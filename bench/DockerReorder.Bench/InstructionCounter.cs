using DockerReorder.Syntax;

namespace DockerReorder.Bench;

/// <summary>
/// The <c>count</c> mode: prints <c>PATH&lt;TAB&gt;N</c> for each file, N being the number of top-level
/// instructions, in the same format as the Go and dockerfile-ast peers so the outputs can be compared.
/// </summary>
internal static class InstructionCounter
{
    /// <summary>Counts every file named (an argument <c>@LIST</c> names a file with one path a line).</summary>
    public static int Run(string[] args)
    {
        var paths = args.SelectMany(a => a.StartsWith('@') ? File.ReadAllLines(a[1..]) : [a])
            .Where(p => p.Length > 0);
        using var output = new StreamWriter(Console.OpenStandardOutput()) { NewLine = "\n" };
        try
        {
            foreach (var path in paths)
            {
                var tree = DockerfileParser.Parse(File.ReadAllBytes(path));
                output.WriteLine($"{path}\t{tree.Instructions.Count}");
            }
        }
        catch (NotImplementedException e)
        {
            Console.Error.WriteLine($"count: parser not available: {e.Message}");
            return 3;
        }
        return 0;
    }
}
