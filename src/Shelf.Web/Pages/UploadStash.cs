using System.Security.Cryptography;
using Shelf.Web.Infrastructure;

namespace Shelf.Web.Pages;

/// <summary>
/// Holds a file uploaded on the import page between its dry run and the "Import" click (or the
/// rejects download), so the person does not choose it again. Kept in this process's temporary
/// folder for an hour and bound to the user who sent it; behind a load balancer the confirmation
/// must reach the same process (sticky sessions), else the page says to upload again.
/// </summary>
internal sealed class UploadStash : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>The prefix of the stash folders (see <see cref="ProcessTempFolders"/>).</summary>
    public const string FolderKind = "shelf-uploads";

    private readonly string _folder = ProcessTempFolders.Create(FolderKind);

    public async Task<string> KeepAsync(Stream upload, string user, CancellationToken cancellationToken)
    {
        Sweep();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using (var file = File.Create(PathOf(id, user)))
        {
            await upload.CopyToAsync(file, cancellationToken);
        }

        return id;
    }

    /// <summary>The kept file, or null when there is none for this id and user (expired, never sent, someone else's).</summary>
    public Stream? Open(string id, string user)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathOf(id, user);
        return File.Exists(path) && File.GetLastWriteTimeUtc(path) > DateTime.UtcNow - Lifetime ? File.OpenRead(path) : null;
    }

    public void Forget(string id, string user) => File.Delete(PathOf(id, user));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The user's name is hashed into the file name: ids cannot be used across users, and names need no escaping.
    private string PathOf(string id, string user) =>
        Path.Combine(_folder, $"{id}-{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(user)))[..16]}");

    private void Sweep()
    {
        foreach (var file in Directory.EnumerateFiles(_folder))
        {
            if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow - Lifetime)
            {
                File.Delete(file);
            }
        }
    }
}
