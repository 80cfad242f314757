namespace DockerReorder.Analysis.Catalogue;

/// <summary>Classifies one recognised command into the step's accumulated effect.</summary>
/// <param name="command">The command, its arguments and what it can look up.</param>
internal delegate void CommandHandler(CommandInvocation command);
