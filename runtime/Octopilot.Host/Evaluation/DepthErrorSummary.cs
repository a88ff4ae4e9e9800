namespace Octopilot.Host.Evaluation;

/// <summary>Depth error of one band: cells measured, mean absolute relative error, RMSE in metres (null without cells).</summary>
internal sealed record DepthErrorSummary(string Band, long Cells, double? AbsRel, double? RmseM);
