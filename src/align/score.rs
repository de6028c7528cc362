//! The alignment metric of vecalign/Bertalign: strict and lax precision, recall and
//! F1 pooled over documents, and the vecalign file format reader.
//!
//! OWNER: issue 3.
