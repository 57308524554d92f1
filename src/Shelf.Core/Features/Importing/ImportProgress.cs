namespace Shelf.Core.Features.Importing;

/// <summary>Progress of a running import, for a progress bar.</summary>
/// <param name="Rows">Rows read so far.</param>
/// <param name="Bytes">Bytes of the file read so far.</param>
/// <param name="TotalBytes">The file's size, when it has one (not a pipe).</param>
/// <param name="Step">What the import is doing; after the last row it still builds indexes, checks and commits, which takes seconds for a large file.</param>
public readonly record struct ImportProgress(long Rows, long Bytes, long? TotalBytes, ImportStep Step = ImportStep.Reading);

/// <summary>The parts of an import, in order.</summary>
public enum ImportStep
{
    /// <summary>Reading and storing rows; the bytes tell how far.</summary>
    Reading,

    /// <summary>Every row is stored; indexes set aside are being built again and references checked.</summary>
    Finishing,

    /// <summary>Making it all visible at once.</summary>
    Committing,
}
