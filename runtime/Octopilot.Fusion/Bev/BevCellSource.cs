namespace Octopilot.Fusion.Bev;

/// <summary>
/// One camera's view of one BEV cell, as the lookup table holds it: the camera (batch index), the pixel of its head maps
/// (row·MapWidth + column), and the weight this camera gets when every source of the cell is valid (a cell's weights sum to 1).
/// </summary>
public readonly record struct BevCellSource(int Camera, int MapPixelIndex, float Weight);
