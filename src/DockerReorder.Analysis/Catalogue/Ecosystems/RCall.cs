namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// A top-level call in an R expression whose arguments are all literals: <c>install.packages(c("a", "b"), repos = "…")</c>.
/// String arguments keep their text; other literals (<c>TRUE</c>, <c>4</c>, <c>NULL</c>) are kept as written.
/// </summary>
/// <param name="Name">The function, with its namespace when written (<c>remotes::install_github</c>).</param>
/// <param name="Positionals">The unnamed arguments in order, a <c>c(...)</c> vector flattened into its elements.</param>
/// <param name="Named">The named arguments by name; a vector's value is null.</param>
internal sealed record RCall(string Name, IReadOnlyList<string> Positionals, IReadOnlyDictionary<string, string?> Named);
