// `import SVDCore` keeps meaning "the SVD library": the foundation's types (Matrix, the
// decomposer protocol, the results and everything computed from them) come with the fast
// decomposer, so that the exercises and library users need one import, as before the core was
// split into layers. The textbook algorithms are not re-exported: they live in SVDTextbook, which
// a program imports when it wants them by name.
@_exported import SVDFoundation
