namespace DockerReorder.Cli.Tests.Packaging;

/// <summary>The install-channel tests (dotnet tool, native binary, pre-commit) run one after another: each builds the CLI from scratch and two at once would only fight for the cores.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection
{
    /// <summary>The collection's name, for <c>[Collection]</c>.</summary>
    public const string Name = "Packaging";
}
