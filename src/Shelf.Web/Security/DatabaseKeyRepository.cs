using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Web.Security;

/// <summary>
/// Keeps ASP.NET Core Data Protection's keys in the library's <c>data_protection_keys</c> table,
/// so every <c>shelf serve</c> on one database encrypts and reads cookies (and antiforgery
/// tokens) with the same keys: behind a load balancer, any process accepts a cookie another issued.
/// </summary>
internal sealed class DatabaseKeyRepository(IDbContextFactory<ShelfDbContext> contexts) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
