// Placeholder: replaced by the MongoDB (FerretDB) global fixture.
export {};
