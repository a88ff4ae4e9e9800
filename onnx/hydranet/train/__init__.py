"""Training the HydraNet from an `octopilot dataset export` folder (issue #12): onnx/train is the entry point."""
