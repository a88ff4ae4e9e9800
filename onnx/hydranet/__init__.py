"""HydraNet: one shared backbone, an FPN neck and per-task heads, exported to ONNX under the Octopilot
model contract v1 (../CONTRACT.md). The model is defined here from scratch and is untrained."""
