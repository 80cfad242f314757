using System.Collections.Frozen;
using DockerReorder.Analysis.Catalogue.Ecosystems;

namespace DockerReorder.Analysis.Catalogue;

/// <summary>Every command the catalogue knows, by name, built once from the ecosystem files.</summary>
internal static class CommandTable
{
    /// <summary>The handlers by command name (as <see cref="ScriptClassifier.CommandName"/> returns it).</summary>
    internal static FrozenDictionary<string, CommandHandler> Handlers { get; } = Build();

    private static FrozenDictionary<string, CommandHandler> Build()
    {
        var table = new Dictionary<string, CommandHandler>(StringComparer.Ordinal);
        StateCommands.Register(table);
        FileSystemCommands.Register(table);
        DownloadCommands.Register(table);
        SystemPackageCommands.Register(table);
        PythonCommands.Register(table);
        CondaCommands.Register(table);
        NodeCommands.Register(table);
        GoCommands.Register(table);
        RubyCommands.Register(table);
        PhpCommands.Register(table);
        DotnetCommands.Register(table);
        JavaCommands.Register(table);
        RustCommands.Register(table);
        ElixirCommands.Register(table);
        DartCommands.Register(table);
        SwiftCommands.Register(table);
        RCommands.Register(table);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
