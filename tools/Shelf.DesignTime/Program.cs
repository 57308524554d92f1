// The design-time host has nothing to run; `dotnet ef` only loads its factories.
return 0;
