"""The node canvas: a projection of the flow document as blocks, start nodes and edges."""
