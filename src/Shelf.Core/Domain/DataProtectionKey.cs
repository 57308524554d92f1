namespace Shelf.Core.Domain;

/// <summary>
/// A key the web app signs and encrypts its cookies with (ASP.NET Core Data Protection's XML).
/// Kept in the library so every web process serving it reads the same keys: a cookie one issues,
/// another accepts.
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = string.Empty;
}
